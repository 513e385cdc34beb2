using System.Text;
using PurchasePipeline.Core.Schema;
using PurchasePipeline.Generator.Rows;

namespace PurchasePipeline.Generator.Writing;

/// <summary>A batch as a CSV file: <see cref="PurchaseSchema.CsvHeader"/>, then one record per row, UTF-8 without BOM.</summary>
internal static class CsvBatchWriter
{
    public static byte[] Write(IEnumerable<GeneratedRow> rows)
    {
        var text = new StringBuilder();
        text.Append(PurchaseSchema.CsvHeader).Append('\n');
        foreach (var row in rows)
        {
            CsvText.AppendRecord(text, row.ExtraField is null ? row.Fields : [.. row.Fields, row.ExtraField]);
        }

        return Encoding.UTF8.GetBytes(text.ToString());
    }
}
