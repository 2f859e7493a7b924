namespace Targeting.Rules.Library;

public enum Source { Web, Mobile }

public enum MatcherKind { Url, Title, Section }

public enum MatchOperator { Exact, Contains, Regex }

public enum BehaviorMatch { All, Any }

public enum CampaignStatus { Draft, Published }

public enum EngagementKind { ChatButton, Overlay, StickyButton, Content }

public enum ConditionMode { Include, Exclude }

public enum EngagementStatus { Exposed, Declined, Clicked, Interacted }

public enum ServiceStatus
{
    Complete,
    InProgress,
    Approved,
    Cancelled,
    NotApproved,
    Reviewed,
    MissingDetails,
    Closed,
    Removed,
    Assigned,
    WaitingForCustomerResponse,
    WaitingForResponse,
    Pending,
    Resolved,
}

public enum FlowTrigger { Abandoned, Backflow }

public enum CartValueOperator { Between, Decreased, DecreasedToZero }

/// <summary>Which field of a product a condition looks at.</summary>
public enum ProductField { Name, Sku, Category, PriceRange }
