using System.Globalization;
using PurchasePipeline.Core.Lake;

namespace PurchasePipeline.Generator.Batches;

/// <summary>
/// Object keys of purchase batches: <c>raw/yyyy/MM/dd/purchases-yyyyMMdd-sSEED-NNNNNN.ext</c>, partitioned by
/// the purchases' day, with the seed and the zero-padded batch number. The seed keeps two generations with
/// different seeds from writing over each other's objects in one folder or bucket, while the same seed
/// names the same objects (a re-run reproduces them). Batch dates rise with the number, so one generation's
/// keys sort in the order its batches were written.
/// </summary>
internal static class BatchKey
{
    public static string For(DateOnly date, int batch, int seed, OutputFormat format)
    {
        var extension = format == OutputFormat.JsonLines ? "jsonl" : "csv";
        return string.Create(
            CultureInfo.InvariantCulture,
            $"{LakePrefixes.Raw}{date:yyyy'/'MM'/'dd}/purchases-{date:yyyyMMdd}-s{seed}-{batch:D6}.{extension}");
    }
}
