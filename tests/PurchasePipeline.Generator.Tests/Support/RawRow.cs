namespace PurchasePipeline.Generator.Tests.Support;

/// <summary>A row read back from a generated file: column → text (null when absent), and whether it had more.</summary>
internal sealed record RawRow(IReadOnlyDictionary<string, string?> Values, bool HasExtraField)
{
    public string? this[string column] => Values.TryGetValue(column, out var value) ? value : null;
}
