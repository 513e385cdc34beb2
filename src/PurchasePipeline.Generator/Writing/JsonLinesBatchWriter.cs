using System.Text.Json;
using PurchasePipeline.Core.Schema;
using PurchasePipeline.Generator.Rows;

namespace PurchasePipeline.Generator.Writing;

/// <summary>
/// A batch as JSON lines: one object per row with the schema's columns as string properties, in schema
/// order, each line ending in '\n'. A malformed row carries one more property, <see cref="ExtraProperty"/>,
/// that the schema does not know.
/// </summary>
internal static class JsonLinesBatchWriter
{
    /// <summary>The unknown property a malformed JSON-lines row carries.</summary>
    public const string ExtraProperty = "gift_message";

    public static byte[] Write(IEnumerable<GeneratedRow> rows)
    {
        using var stream = new MemoryStream();
        foreach (var row in rows)
        {
            using (var json = new Utf8JsonWriter(stream))
            {
                json.WriteStartObject();
                for (var i = 0; i < row.Fields.Count; i++)
                {
                    json.WriteString(PurchaseSchema.ColumnNames[i], row.Fields[i]);
                }

                if (row.ExtraField is not null)
                {
                    json.WriteString(ExtraProperty, row.ExtraField);
                }

                json.WriteEndObject();
            }

            stream.WriteByte((byte)'\n');
        }

        return stream.ToArray();
    }
}
