using System.Text.Json;
using Amazon.CDK;
using Amazon.CDK.AWS.Glue;
using PurchasePipeline.Core.Lake;

namespace PurchasePipeline.Infra.Catalog;

/// <summary>The lake's tables: Parquet written by the Glue job, JSON-lines manifests, and the run_partitions view.</summary>
public sealed partial class LakeCatalog
{
    private const string ParquetInput = "org.apache.hadoop.hive.ql.io.parquet.MapredParquetInputFormat";
    private const string ParquetOutput = "org.apache.hadoop.hive.ql.io.parquet.MapredParquetOutputFormat";
    private const string ParquetSerde = "org.apache.hadoop.hive.ql.io.parquet.serde.ParquetHiveSerDe";
    private const string TextInput = "org.apache.hadoop.mapred.TextInputFormat";
    private const string TextOutput = "org.apache.hadoop.hive.ql.io.HiveIgnoreKeyTextOutputFormat";
    private const string JsonSerde = "org.openx.data.jsonserde.JsonSerDe";

    private void AddTables()
    {
        var cleanLocation = Storage.Uri(LakePrefixes.CleanPurchases);
        Table(LakeTables.CleanPurchases, LakeTables.CleanColumns, cleanLocation, ParquetInput, ParquetOutput, ParquetSerde,
            partitionKeys: [new CfnTable.ColumnProperty { Name = "purchase_date", Type = "date" }],
            parameters: new Dictionary<string, string>
            {
                // Partition projection: new purchase dates are queryable as soon as the job writes them,
                // with no crawler or ALTER TABLE between the job and the validation.
                ["projection.enabled"] = "true",
                ["projection.purchase_date.type"] = "date",
                ["projection.purchase_date.format"] = "yyyy-MM-dd",
                ["projection.purchase_date.range"] = LakeTables.FirstPurchaseDate + ",NOW",
                ["projection.purchase_date.interval"] = "1",
                ["projection.purchase_date.interval.unit"] = "DAYS",
                ["storage.location.template"] = cleanLocation + "purchase_date=${purchase_date}",
                ["classification"] = "parquet",
            });

        // run_id values cannot be enumerated, so they are injected: every query of this table filters it with
        // run_id = 'literal' (the rules do, with the run id as their parameter), and Athena reads that folder.
        Table(LakeTables.RejectedPurchases, LakeTables.RejectedColumns, Storage.Uri(LakePrefixes.RejectedPurchases),
            ParquetInput, ParquetOutput, ParquetSerde,
            partitionKeys: [new CfnTable.ColumnProperty { Name = "run_id", Type = "string" }],
            parameters: new Dictionary<string, string>
            {
                ["classification"] = "parquet",
                ["projection.enabled"] = "true",
                ["projection.run_id.type"] = "injected",
                ["storage.location.template"] = Storage.Uri(LakePrefixes.RejectedPurchases) + "run_id=${run_id}/",
            });

        Table(LakeTables.RunManifests, LakeTables.ManifestColumns, Storage.Uri(LakePrefixes.Manifests), TextInput, TextOutput, JsonSerde,
            partitionKeys: [],
            parameters: new Dictionary<string, string> { ["classification"] = "json" });

        AddRunPartitionsView();
    }

    private CfnTable Table(
        string name, IReadOnlyList<(string Name, string Type)> columns, string location, string input, string output, string serde,
        CfnTable.ColumnProperty[] partitionKeys, Dictionary<string, string> parameters)
    {
        var table = new CfnTable(this, ConstructId(name), new CfnTableProps
        {
            CatalogId = Stack.Of(this).Account,
            DatabaseName = DatabaseName,
            TableInput = new CfnTable.TableInputProperty
            {
                Name = name,
                TableType = "EXTERNAL_TABLE",
                Parameters = parameters,
                PartitionKeys = partitionKeys,
                StorageDescriptor = new CfnTable.StorageDescriptorProperty
                {
                    Location = location,
                    InputFormat = input,
                    OutputFormat = output,
                    SerdeInfo = new CfnTable.SerdeInfoProperty { SerializationLibrary = serde },
                    Columns = columns.Select(column => new CfnTable.ColumnProperty { Name = column.Name, Type = column.Type }).ToArray(),
                },
            },
        });
        table.AddDependency(Database);
        return table;
    }

    /// <summary>An Athena view is a Glue table whose original text is the Presto view JSON, base64-encoded.</summary>
    private void AddRunPartitionsView()
    {
        var presto = JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["originalSql"] = LakeTables.RunPartitionsSql,
            ["catalog"] = "awsdatacatalog",
            ["schema"] = DatabaseName,
            ["columns"] = LakeTables.RunPartitionsColumns
                .Select(column => new Dictionary<string, string> { ["name"] = column.Name, ["type"] = column.PrestoType })
                .ToArray(),
        });
        var view = new CfnTable(this, ConstructId(LakeTables.RunPartitions), new CfnTableProps
        {
            CatalogId = Stack.Of(this).Account,
            DatabaseName = DatabaseName,
            TableInput = new CfnTable.TableInputProperty
            {
                Name = LakeTables.RunPartitions,
                TableType = "VIRTUAL_VIEW",
                Parameters = new Dictionary<string, string> { ["presto_view"] = "true", ["comment"] = "Presto View" },
                ViewOriginalText = "/* Presto View: " + Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(presto)) + " */",
                ViewExpandedText = "/* Presto View */",
                StorageDescriptor = new CfnTable.StorageDescriptorProperty
                {
                    SerdeInfo = new CfnTable.SerdeInfoProperty(),
                    Columns = LakeTables.RunPartitionsColumns.Select(column => new CfnTable.ColumnProperty { Name = column.Name, Type = column.HiveType }).ToArray(),
                },
            },
        });
        view.AddDependency(Database);
    }

    private static string ConstructId(string table) =>
        string.Concat(table.Split('_').Select(part => char.ToUpperInvariant(part[0]) + part[1..])) + "Table";
}
