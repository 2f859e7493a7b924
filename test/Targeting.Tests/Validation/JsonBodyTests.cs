using System.Text.Json;
using Targeting.Rules;
using Targeting.Rules.Events;
using Targeting.Rules.Conditions;
using Targeting.Rules.Library;
using Targeting.Rules.Validation;

namespace Targeting.Tests.Validation;

/// <summary>
/// What the validators never see: bodies that do not deserialize. The gateway maps a
/// <see cref="JsonException"/> to 400 with its <see cref="JsonException.Path"/>, so the path must point at the culprit.
/// </summary>
public class JsonBodyTests
{
    private static JsonException Refused<T>(string json) =>
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<T>(json, RulesJson.Options));

    [Fact]
    public void Unknown_condition_type_is_refused_with_its_path()
    {
        var e = Refused<Behavior>("""{"name": "b", "conditions": [{"type": "aboutToAbandon"}, {"type": "nope"}]}""");
        Assert.StartsWith("$.conditions[1]", e.Path);
    }

    [Theory]
    [InlineData("""{"name": "b", "match": "most", "conditions": []}""", "$.match")]
    [InlineData("""{"conditions": [{"type": "flow", "flowId": "f", "trigger": "Abandon"}]}""", "$.conditions[0].trigger")]
    [InlineData("""{"conditions": [{"type": "cartValue", "operator": "between", "min": "fifty"}]}""", "$.conditions[0].min")]
    [InlineData("""{"conditions": [{"type": "engagedInSession", "statuses": ["seen"]}]}""", "$.conditions[0].statuses[0]")]
    public void Unknown_enum_strings_and_wrong_types_are_refused_with_their_path(string json, string path) =>
        Assert.Equal(path, Refused<Behavior>(json).Path);

    [Fact]
    public void Enum_numbers_are_refused() =>
        Assert.Equal("$.status", Refused<Campaign>("""{"name": "c", "status": 1}""").Path);

    [Fact]
    public void Unknown_matcher_kind_is_refused_with_its_path() =>
        Assert.Equal("$.matchers[0].kind", Refused<EntryPoint>("""{"name": "e", "matchers": [{"kind": "cookie", "value": "x"}]}""").Path);

    [Fact]
    public void Unknown_event_type_is_refused_with_its_path()
    {
        var e = Refused<List<VisitorEvent>>("""[{"type": "pageView", "url": "https://a.example/"}, {"type": "click"}]""");
        Assert.StartsWith("$[1]", e.Path);
    }

    // JsonBodies: what the gateway uses to read bodies, so that none of the above becomes a 500.

    [Theory]
    [InlineData("""{"name": "b", "conditions": [{"type": "aboutToAbandon"}, {"type": "nope"}]}""", "conditions[1]", "unknown type 'nope'")]
    [InlineData("""{"name": "b", "match": "most"}""", "match", "must be one of all | any")]
    [InlineData("""{"conditions": [{"type": "engagedInSession", "statuses": ["seen"]}]}""", "conditions[0].statuses[0]", "must be one of exposed | declined | clicked | interacted")]
    [InlineData("""{"name": 5}""", "name", "must be a string")]
    [InlineData("""{"conditions": 5}""", "conditions", "must be an array")]
    [InlineData("""{"name": "b" """, "$", "")]
    [InlineData("null", "$", "a body is required")]
    public void Body_that_does_not_deserialize_becomes_one_error_at_its_path(string json, string path, string fragment)
    {
        Assert.Null(JsonBodies.Read<Behavior>(json, out var error));
        Assert.NotNull(error);
        Assert.Equal(path, error.Path);
        Assert.Contains(fragment, error.Message);
        Assert.DoesNotContain("LineNumber", error.Message);
        Assert.False(error.Unsupported);
    }

    [Fact]
    public void Condition_without_type_is_not_a_json_exception_but_becomes_a_400_error()
    {
        const string json = """{"name": "b", "conditions": [{"type": "aboutToAbandon"}, {"flowId": "checkout"}]}""";
        Assert.Throws<NotSupportedException>(() => JsonSerializer.Deserialize<Behavior>(json, RulesJson.Options));
        Assert.Null(JsonBodies.Read<Behavior>(json, out var error));
        Assert.Equal(new ValidationError("conditions[1]", "\"type\" is required"), error);
    }

    [Fact]
    public async Task Event_without_type_in_a_stream_becomes_a_400_error()
    {
        using var body = new MemoryStream("""{"events": [{"type": "aboutToAbandon"}, {"url": "https://a.example/"}]}"""u8.ToArray());
        var (events, error) = await JsonBodies.ReadAsync<EventBatch>(body);
        Assert.Null(events);
        Assert.Equal(new ValidationError("events[1]", "\"type\" is required"), error);
    }

    [Fact]
    public void Valid_body_is_read_without_error()
    {
        var behavior = JsonBodies.Read<Behavior>("""{"name": "b", "conditions": [{"type": "flow", "flowId": "checkout", "trigger": "backflow"}]}""", out var error);
        Assert.Null(error);
        Assert.Equal(new FlowCondition("checkout", FlowTrigger.Backflow), Assert.Single(behavior!.Conditions!));
    }

    private sealed record EventBatch(IReadOnlyList<VisitorEvent>? Events);
}
