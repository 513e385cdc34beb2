using PurchasePipeline.Generator.Rows;

namespace PurchasePipeline.Generator.Batches;

/// <summary>One batch ready to be written: its key, its bytes, its labelled rows and their summary.</summary>
internal sealed record GeneratedBatch(string Key, byte[] Content, IReadOnlyList<GeneratedRow> Rows, BatchSummary Summary);
