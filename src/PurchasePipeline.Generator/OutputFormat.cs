namespace PurchasePipeline.Generator;

/// <summary>The file format of generated purchase batches.</summary>
public enum OutputFormat
{
    /// <summary>RFC 4180 CSV with the <c>PurchaseSchema.CsvHeader</c> header line and '\n' line endings (<c>.csv</c>).</summary>
    Csv,

    /// <summary>One JSON object per line, every column a string property (<c>.jsonl</c>).</summary>
    JsonLines,
}
