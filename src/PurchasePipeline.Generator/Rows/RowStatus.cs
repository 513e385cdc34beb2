namespace PurchasePipeline.Generator.Rows;

/// <summary>What the transform does with a row.</summary>
internal enum RowStatus
{
    /// <summary>Kept: the first occurrence of a valid row's fingerprint.</summary>
    ValidUnique,

    /// <summary>Valid, but an earlier row in the same file has the same fingerprint: dropped as a duplicate.</summary>
    Duplicate,

    /// <summary>Written to rejected/ with a reason.</summary>
    Rejected,
}
