using System.Globalization;
using PurchasePipeline.Core.Lake;

namespace PurchasePipeline.Generator.Batches;

/// <summary>
/// Object keys of purchase batches: <c>raw/yyyy/MM/dd/purchases-yyyyMMdd-NNNNNN.ext</c>, partitioned by the
/// purchases' day, with the zero-padded batch number. Batch dates rise with the number, so keys sort in
/// the order the batches were written.
/// </summary>
internal static class BatchKey
{
    public static string For(DateOnly date, int batch, OutputFormat format)
    {
        var extension = format == OutputFormat.JsonLines ? "jsonl" : "csv";
        return string.Create(
            CultureInfo.InvariantCulture,
            $"{LakePrefixes.Raw}{date:yyyy'/'MM'/'dd}/purchases-{date:yyyyMMdd}-{batch:D6}.{extension}");
    }
}
