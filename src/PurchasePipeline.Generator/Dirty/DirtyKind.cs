namespace PurchasePipeline.Generator.Dirty;

/// <summary>The kinds of dirt the generator puts into a controlled share of rows.</summary>
internal enum DirtyKind
{
    /// <summary>A required field left empty or blank → missing_&lt;column&gt;.</summary>
    MissingField,

    /// <summary>user_id not USI_ + digits → invalid_user_id.</summary>
    InvalidUserId,

    /// <summary>session_id not 32 hex characters → invalid_session_id.</summary>
    InvalidSessionId,

    /// <summary>cost_price not a whole number ("12.50", "n/a") → invalid_cost_price.</summary>
    NonNumericCostPrice,

    /// <summary>selling_price not a decimal with at most 2 places → invalid_selling_price.</summary>
    NonNumericSellingPrice,

    /// <summary>discount not a whole number → invalid_discount.</summary>
    NonNumericDiscount,

    /// <summary>One of the three amounts below zero → negative_amount.</summary>
    NegativeAmount,

    /// <summary>A discount larger than the selling price → discount_exceeds_price.</summary>
    DiscountExceedsPrice,

    /// <summary>A timestamp in another format → invalid_timestamp.</summary>
    MalformedTimestamp,

    /// <summary>A well-formed timestamp of a date or time that does not exist (2026-02-30) → invalid_timestamp.</summary>
    ImpossibleTimestamp,

    /// <summary>An ip_address that is not a dotted IPv4 address → invalid_ip_address.</summary>
    InvalidIpAddress,

    /// <summary>A field more than the header → malformed_row.</summary>
    ExtraField,

    /// <summary>A byte-for-byte copy of an earlier valid row of the same file → duplicate.</summary>
    ExactDuplicate,

    /// <summary>A new purchase with stray spaces and odd case ("  Samsung ", "SMARTPHONES") → still valid.</summary>
    StrayWhitespaceAndCase,

    /// <summary>An earlier valid row again, with stray spaces and odd case → duplicate.</summary>
    StrayWhitespaceAndCaseDuplicate,
}
