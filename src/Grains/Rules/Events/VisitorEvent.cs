using System.Text.Json.Serialization;

namespace Targeting.Rules.Events;

/// <summary>
/// Something a visitor did, as the web tag or app reports it. <see cref="Id"/> is chosen by the
/// client; an event whose id the session already applied is skipped, so retries are safe.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type", UnknownDerivedTypeHandling = JsonUnknownDerivedTypeHandling.FailSerialization)]
[JsonDerivedType(typeof(PageViewEvent), "pageView")]
[JsonDerivedType(typeof(CartUpdateEvent), "cartUpdate")]
[JsonDerivedType(typeof(ProductViewEvent), "productView")]
[JsonDerivedType(typeof(VisitorErrorEvent), "visitorError")]
[JsonDerivedType(typeof(ServiceActivityEvent), "serviceActivity")]
[JsonDerivedType(typeof(EngagementStatusEvent), "engagementStatus")]
[JsonDerivedType(typeof(AboutToAbandonEvent), "aboutToAbandon")]
public abstract record VisitorEvent
{
    public string? Id { get; init; }

    /// <summary>Which conditions this kind of event can change (see <see cref="EventKinds"/>).</summary>
    [JsonIgnore]
    public abstract EventKinds Kind { get; }
}
