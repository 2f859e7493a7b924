using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Targeting.Rules;
using Targeting.Rules.Conditions;
using Targeting.Rules.Evaluation;
using Targeting.Rules.Events;
using Targeting.Rules.Library;
using Targeting.Rules.Sessions;
using static Targeting.Tests.Rules.TestLibrary;

namespace Targeting.Tests.Rules;

/// <summary>Invariants that hold on any visitor journey, checked on random ones.</summary>
public class JourneyProperties
{
    /// <summary>One step of a journey: an event, then some seconds of waiting.</summary>
    public sealed record Step(VisitorEvent Event, int WaitSeconds)
    {
        public override string ToString() => $"{Event.GetType().Name}({(Event as PageViewEvent)?.Url}{(Event as CartUpdateEvent)?.Total}) +{WaitSeconds}s";
    }

    private static readonly string[] Pages = ["/cart", "/checkout", "/gift-wrap", "/confirmation", "/home", "/product/1", "/product/2", "/blog"];

    private static Gen<VisitorEvent> Events() => Gen.OneOf(
        Gen.Elements(Pages).Select(p => (VisitorEvent)new PageViewEvent { Url = "https://shop.example" + p }),
        Gen.Elements(0m, 20m, 60m, 150m).Select(t => (VisitorEvent)new CartUpdateEvent { Total = t }),
        Gen.Elements("oops", "Payment declined").Select(m => (VisitorEvent)new VisitorErrorEvent { Message = m }),
        Gen.Elements(EngagementStatus.Exposed, EngagementStatus.Clicked, EngagementStatus.Declined).Select(s =>
            (VisitorEvent)new EngagementStatusEvent { CampaignId = "c-always", EngagementId = "always", Status = s }),
        Gen.Constant((VisitorEvent)new AboutToAbandonEvent()));

    private static Arbitrary<Step[]> Journeys() =>
        Gen.Zip(Events(), Gen.Elements(0, 0, 1, 5, 30)).Select(p => new Step(p.Item1, p.Item2))
            .ArrayOf().ToArbitrary();

    private static readonly AccountLibrary Library = new TestLibrary()
        .EntryPoint("pdp", Url("/product/"))
        .Flow("checkout", (Url("/cart"), true), (Url("/gift-wrap"), false), (Url("/checkout"), true), (Url("/confirmation"), true))
        .Behavior("left", new FlowCondition("checkout", FlowTrigger.Abandoned))
        .Behavior("back", new FlowCondition("checkout", FlowTrigger.Backflow))
        .Behavior("dwell", new TimeOnEntryPointCondition(["pdp"], 20))
        .Behavior("mixed", BehaviorMatch.Any, new CartValueCondition(CartValueOperator.Decreased), new AboutToAbandonCondition(),
            new EngagedInSessionCondition([EngagementStatus.Clicked]), new VisitorErrorCondition(Message: "oops", Instance: 2))
        .Engage("left", "left").Engage("back", "back").Engage("dwell", "dwell").Engage("mixed", "mixed").Engage("always", null)
        .Build();

    private static IEnumerable<SessionDriver> Play(Step[] journey)
    {
        var session = new SessionDriver(Library);
        foreach (var step in journey)
        {
            session.Send(step.Event).WaitSeconds(step.WaitSeconds);
            yield return session;
        }
    }

    [Property(MaxTest = 300)]
    public Property A_completed_flow_never_fires_again() => Prop.ForAll(Journeys(), journey =>
    {
        var completed = false;
        foreach (var session in Play(journey))
        {
            if (completed && (session.Offers("left") || session.Offers("back"))) return false;
            completed |= session.State.Flows.TryGetValue("checkout", out var p) && p.Completed;
        }
        return true;
    });

    [Property(MaxTest = 300)]
    public Property Abandoned_and_backflow_are_never_both_true() => Prop.ForAll(Journeys(), journey =>
        Play(journey).All(s => !(s.State.Flows.TryGetValue("checkout", out var p) && p.Abandoned && p.Backflow)
                               && !(s.Offers("left") && s.Offers("back"))));

    [Property(MaxTest = 200)]
    public Property Applying_an_event_twice_with_the_same_id_equals_applying_it_once() => Prop.ForAll(Journeys(), journey =>
    {
        var once = new SessionDriver(Library);
        var twice = new SessionDriver(Library);
        for (var i = 0; i < journey.Length; i++)
        {
            var e = journey[i].Event with { Id = $"e{i}" };
            once.Send(e).WaitSeconds(journey[i].WaitSeconds);
            twice.Send(e, e).Send(e).WaitSeconds(journey[i].WaitSeconds);
        }
        return Serialized(once.State) == Serialized(twice.State);
    });

    [Property(MaxTest = 200)]
    public Property A_decision_depends_only_on_state_rule_set_and_time() => Prop.ForAll(Journeys(), journey =>
    {
        var played = Play(journey).LastOrDefault() ?? new SessionDriver(Library);
        var reloaded = played.State.Clone(); // no evaluation cache: everything is evaluated afresh
        reloaded.Offered.Clear();
        SessionEngine.Decide(reloaded, played.RuleSet, played.Now);
        return reloaded.Offered.SequenceEqual(played.State.Offered)
               && SessionEngine.NextDeadline(reloaded, played.RuleSet, played.Now) == SessionEngine.NextDeadline(played.State, played.RuleSet, played.Now);
    });

    [Property(MaxTest = 100)]
    public Property Session_state_survives_a_json_round_trip() => Prop.ForAll(Journeys(), journey =>
    {
        var played = Play(journey).LastOrDefault() ?? new SessionDriver(Library);
        return Serialized(played.State.Clone()) == Serialized(played.State);
    });

    private static string Serialized(SessionState state) => System.Text.Json.JsonSerializer.Serialize(state, RulesJson.Options);
}
