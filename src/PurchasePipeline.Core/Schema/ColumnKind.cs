namespace PurchasePipeline.Core.Schema;

/// <summary>The logical type a raw column holds once it has been cleaned.</summary>
public enum ColumnKind
{
    /// <summary>Free text, trimmed.</summary>
    Text,

    /// <summary>A whole number.</summary>
    WholeNumber,

    /// <summary>A decimal amount with two fractional digits.</summary>
    Amount,

    /// <summary>A timestamp in <c>yyyy-MM-dd HH:mm:ss</c>, UTC.</summary>
    Timestamp,
}
