using System.Text.Json.Nodes;
using PurchasePipeline.Infra.Catalog;
using PurchasePipeline.Infra.Tests.Support;

namespace PurchasePipeline.Infra.Tests;

[Trait("Requires", "node")]
public sealed class CatalogTests(DefaultDeployment shared) : IClassFixture<DefaultDeployment>
{
    private JsonObject Job => shared.Json.Single("AWS::Glue::Job");

    [Fact]
    public void Crawler_CrawlsNewFoldersOfRawOnly_AndLogsSchemaChanges()
    {
        var crawler = shared.Json.Single("AWS::Glue::Crawler");

        Assert.Equal("CRAWL_NEW_FOLDERS_ONLY", (string?)crawler["RecrawlPolicy"]!["RecrawlBehavior"]);
        Assert.Equal("LOG", (string?)crawler["SchemaChangePolicy"]!["UpdateBehavior"]);
        Assert.Equal("LOG", (string?)crawler["SchemaChangePolicy"]!["DeleteBehavior"]);
        Assert.EndsWith("/raw/\"]]}", Assert.Single(crawler["Targets"]!["S3Targets"]!.AsArray())!["Path"]!.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Job_IsGlue5Etl_Bookmarked_OneRunAtATime_WithTheLakeArguments()
    {
        var arguments = Job["DefaultArguments"]!.AsObject();

        Assert.Equal("5.0", (string?)Job["GlueVersion"]);
        Assert.Equal("glueetl", (string?)Job["Command"]!["Name"]);
        Assert.Equal(1, (int)Job["ExecutionProperty"]!["MaxConcurrentRuns"]!);
        Assert.Equal(60, (int)Job["Timeout"]!);
        Assert.Equal("G.1X", (string?)Job["WorkerType"]);
        Assert.Equal(2, (int)Job["NumberOfWorkers"]!);
        Assert.Equal("job-bookmark-enable", (string?)arguments["--job-bookmark-option"]);
        Assert.All(["--raw_path", "--lake_path", "--sql_path", "--validation_path", "--users_path"], name => Assert.NotNull(arguments[name]));
        Assert.Matches(@"^s3://.+/[0-9a-f]+\.zip$", (string?)arguments["--extra-py-files"]!["Fn::Sub"]);
    }

    [Fact]
    public void GlueWorkers_FromContext_SizeTheJob()
    {
        var (_, template) = Synth.Stack(new() { ["glueWorkerType"] = "G.2X", ["glueWorkers"] = "10" });
        var job = template.Json().Single("AWS::Glue::Job");

        Assert.Equal("G.2X", (string?)job["WorkerType"]);
        Assert.Equal(10, (int)job["NumberOfWorkers"]!);
    }

    [Fact]
    public void EverySqlFileAndRule_IsCopiedUnderItsOwnName()
    {
        var template = shared.Json.ToJsonString();

        Assert.Equal(Synth.Files.GlueSqlFiles.Count + Synth.Files.GlueValidationFiles.Count, shared.Json.Resources("Custom::AWS").Count);
        Assert.All(Synth.Files.GlueSqlFiles, file => Assert.Contains("glue/sql/" + Path.GetFileName(file), template, StringComparison.Ordinal));
        Assert.All(Synth.Files.GlueValidationFiles, file => Assert.Contains("glue/validation/" + Path.GetFileName(file), template, StringComparison.Ordinal));
    }

    [Fact]
    public void Tables_ForTheValidationRules_Exist_CleanPurchasesProjectsItsDates()
    {
        var tables = shared.Json.Resources("AWS::Glue::Table").ToDictionary(table => (string)table.Properties["TableInput"]!["Name"]!, table => table.Properties);

        Assert.Equal(LakeTables.All.Order(StringComparer.Ordinal), tables.Keys.Order(StringComparer.Ordinal));
        var clean = tables[LakeTables.CleanPurchases]["TableInput"]!;
        Assert.Equal("true", (string?)clean["Parameters"]!["projection.enabled"]);
        Assert.Equal("purchase_date", (string?)Assert.Single(clean["PartitionKeys"]!.AsArray())!["Name"]);
        Assert.Equal("VIRTUAL_VIEW", (string?)tables[LakeTables.RunPartitions]["TableInput"]!["TableType"]);
    }

    [Fact]
    public void RejectedPurchases_RunIdIsInjected_AndEveryRuleReadingItFiltersByTheRunIdParameter()
    {
        var rejected = shared.Json.Resources("AWS::Glue::Table")
            .Single(table => (string?)table.Properties["TableInput"]!["Name"] == LakeTables.RejectedPurchases).Properties["TableInput"]!;

        Assert.Equal("injected", (string?)rejected["Parameters"]!["projection.run_id.type"]);
        Assert.Contains("run_id=${run_id}/", rejected["Parameters"]!["storage.location.template"]!.ToJsonString(), StringComparison.Ordinal);
        var readers = Directory.GetFiles(Path.Combine(Synth.Files.Root, "glue", "validation"), "*.sql")
            .Select(File.ReadAllText).Where(sql => sql.Contains("rejected_purchases", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(readers);
        Assert.All(readers, sql => Assert.Matches(@"FROM rejected_purchases AS (\w+) WHERE \1\.run_id = \?", sql));
    }

    [Fact]
    public void Validation_ReadsOnlyTablesTheCatalogDefines()
    {
        var sql = string.Join("\n", Directory.GetFiles(Path.Combine(Synth.Files.Root, "glue", "validation"), "*.sql").Select(File.ReadAllText));
        var referenced = System.Text.RegularExpressions.Regex.Matches(sql, @"\b(?:FROM|JOIN)\s+([a-z_]+)\b").Select(match => match.Groups[1].Value)
            .ToHashSet();
        referenced.ExceptWith(System.Text.RegularExpressions.Regex.Matches(sql, @"\b([a-z_]+)\s+AS\s*\(").Select(match => match.Groups[1].Value));

        Assert.Subset(LakeTables.All.ToHashSet(), referenced);
    }

    [Fact]
    [Trait("Requires", "sqlglot")]
    public void AthenaSql_EveryUnnestAliasList_MatchesTheColumnsTrinoGivesTheDeclaredType()
    {
        // Trino (Athena engine v3) expands an array of ROW into a column per field and fails an alias list of
        // another length (trinodb/trino core/trino-main/src/main/java/io/trino/sql/analyzer/StatementAnalyzer.java,
        // visitUnnest and visitAliasedRelation); the check reads the types from this template's Glue tables.
        var (exitCode, output) = AthenaUnnestCheck.Run(shared.Json);

        Assert.True(exitCode == 0, output);
    }

    [Fact]
    public void WorkGroup_EnforcesItsConfiguration_WithEncryptedResultsInTheBucket()
    {
        var configuration = shared.Json.Single("AWS::Athena::WorkGroup")["WorkGroupConfiguration"]!;

        Assert.True((bool)configuration["EnforceWorkGroupConfiguration"]!);
        Assert.Equal("SSE_S3", (string?)configuration["ResultConfiguration"]!["EncryptionConfiguration"]!["EncryptionOption"]);
        Assert.Contains("/athena-results/", configuration["ResultConfiguration"]!["OutputLocation"]!.ToJsonString(), StringComparison.Ordinal);
    }
}
