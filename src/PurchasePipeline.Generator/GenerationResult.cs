namespace PurchasePipeline.Generator;

/// <summary>Everything one <see cref="GeneratorRunner"/> run wrote.</summary>
/// <param name="Batches">The purchase batches, in the order written.</param>
/// <param name="UsersKey">Key of the users file, or null when none was asked for.</param>
public sealed record GenerationResult(IReadOnlyList<BatchSummary> Batches, string? UsersKey)
{
    /// <summary>Data rows over all batches.</summary>
    public int Rows => Batches.Sum(b => b.Rows);

    /// <summary>Rows the transform keeps, over all batches.</summary>
    public int ValidUnique => Batches.Sum(b => b.ValidUnique);

    /// <summary>Duplicates over all batches.</summary>
    public int Duplicates => Batches.Sum(b => b.Duplicates);

    /// <summary>Rejected rows over all batches.</summary>
    public int Rejected => Batches.Sum(b => b.Rejected);
}
