using Targeting.Rules.Library;
using Targeting.Rules.Validation;
using static Targeting.Tests.Validation.Samples;

namespace Targeting.Tests.Validation;

/// <summary>Delete protection: what still references a library object, as <c>kind:id</c>.</summary>
public class ReferencesTests
{
    private static readonly AccountLibrary WithCampaigns = Library with
    {
        Campaigns =
        [
            Campaign("""{"name": "a", "status": "draft", "engagements": [{"id": "e", "source": "web", "kind": "overlay", "behaviorId": "lingering", "entryPointIds": ["checkout-pages"]}]}""", "camp-a"),
            Campaign("""{"name": "b", "status": "published", "engagements": [{"id": "e", "source": "web", "kind": "overlay", "behaviorId": "lingering"}, {"id": "f", "source": "web", "kind": "overlay", "behaviorId": "lingering"}]}""", "camp-b"),
        ],
    };

    [Fact]
    public void Entry_point_is_referenced_by_behaviors_and_campaigns() =>
        Assert.Equal(["behavior:saw-checkout", "campaign:camp-a"], LibraryValidator.ReferencesTo(WithCampaigns, LibraryObjectKind.EntryPoint, "checkout-pages"));

    [Fact]
    public void Entry_point_used_by_time_on_entry_point_is_referenced() =>
        Assert.Equal(["behavior:lingering"], LibraryValidator.ReferencesTo(WithCampaigns, LibraryObjectKind.EntryPoint, "app-cart"));

    [Fact]
    public void Flow_is_referenced_by_behaviors_with_a_flow_condition() =>
        Assert.Equal(["behavior:leaving-checkout"], LibraryValidator.ReferencesTo(WithCampaigns, LibraryObjectKind.Flow, "checkout"));

    [Fact]
    public void Behavior_is_referenced_by_each_campaign_once() =>
        Assert.Equal(["campaign:camp-a", "campaign:camp-b"], LibraryValidator.ReferencesTo(WithCampaigns, LibraryObjectKind.Behavior, "lingering"));

    [Fact]
    public void Unused_objects_and_campaigns_have_no_references()
    {
        Assert.Empty(LibraryValidator.ReferencesTo(WithCampaigns, LibraryObjectKind.Behavior, "high-value"));
        Assert.Empty(LibraryValidator.ReferencesTo(WithCampaigns, LibraryObjectKind.Flow, "nowhere"));
        Assert.Empty(LibraryValidator.ReferencesTo(WithCampaigns, LibraryObjectKind.Campaign, "camp-a"));
    }
}
