using System.Text.Json.Nodes;
using PurchasePipeline.Aws.Adapters;
using PurchasePipeline.Aws.Athena;
using PurchasePipeline.Aws.Protocol;
using PurchasePipeline.Aws.Tests.Support;
using PurchasePipeline.Core.Errors;

namespace PurchasePipeline.Aws.Tests.Adapters;

/// <summary>What the Athena query adapter sends (quoted parameters, the settings' workgroup and database) and how it reads results.</summary>
public sealed class AthenaQueryServiceTests : IAsyncDisposable
{
    private readonly FakeAwsEndpoint endpoint = new();

    public ValueTask DisposeAsync() => endpoint.DisposeAsync();

    [Theory]
    [InlineData("jr_1", "'jr_1'")]
    [InlineData("O'Brien", "'O''Brien'")]
    [InlineData("''", "''''''")]
    [InlineData("'", "''''")]
    [InlineData("", "''")]
    [InlineData("Zoë 北京 ✓ 🦆", "'Zoë 北京 ✓ 🦆'")]
    [InlineData("back\\slash \"double\"", "'back\\slash \"double\"'")]
    public void SqlStringLiteral_Value_QuotesItWithEveryQuoteDoubled(string value, string literal) =>
        Assert.Equal(literal, AthenaQueryService.SqlStringLiteral(value));

    [Fact]
    public void SqlStringLiteral_Null_ThrowsArgumentNull() =>
        Assert.Throws<ArgumentNullException>(() => AthenaQueryService.SqlStringLiteral(null!));

    [Fact]
    public async Task StartQueryAsync_WithParameters_SendsThemQuotedInOrderWithTheSettingsContext()
    {
        endpoint.Then(ScriptedResponse.Ok("""{"QueryExecutionId":"q-1"}"""));

        var id = await CreateSut().StartQueryAsync("SELECT count(*) FROM t WHERE a = ? AND b = ?", ["jr_1", "O'Brien"], CancellationToken.None);

        var body = JsonNode.Parse(endpoint.OnlyRequest().BodyText)!;
        Assert.Equal("q-1", id);
        Assert.Equal(["'jr_1'", "'O''Brien'"], body["ExecutionParameters"]!.AsArray().Select(p => (string?)p));
        Assert.Equal("SELECT count(*) FROM t WHERE a = ? AND b = ?", (string?)body["QueryString"]);
        Assert.Equal("purchase-pipeline", (string?)body["WorkGroup"]);
        Assert.Equal("purchases", (string?)body["QueryExecutionContext"]!["Database"]);
        Assert.Equal("s3://lake/athena-results/", (string?)body["ResultConfiguration"]!["OutputLocation"]);
        Assert.InRange(((string?)body["ClientRequestToken"])!.Length, 32, 128);
    }

    [Fact]
    public async Task StartQueryAsync_NoParametersNoOutputLocation_SendsNeither()
    {
        endpoint.Then(ScriptedResponse.Ok("""{"QueryExecutionId":"q-1"}"""));

        await CreateSut(outputLocation: null).StartQueryAsync("SELECT 1", [], CancellationToken.None);

        // The model's ExecutionParameters has a minimum of one; the workgroup may enforce its own output location.
        var body = JsonNode.Parse(endpoint.OnlyRequest().BodyText)!.AsObject();
        Assert.False(body.ContainsKey("ExecutionParameters"));
        Assert.False(body.ContainsKey("ResultConfiguration"));
    }

    [Theory]
    [InlineData(null, "purchases", AwsSettings.AthenaWorkGroupVariable)]
    [InlineData("purchase-pipeline", null, AwsSettings.AthenaDatabaseVariable)]
    [InlineData("purchase-pipeline", "  ", AwsSettings.AthenaDatabaseVariable)]
    public async Task StartQueryAsync_MissingSetting_ThrowsNamingItsVariableWithoutCallingAthena(string? workGroup, string? database, string variable)
    {
        var sut = new AthenaQueryService(Athena(), new AwsSettings { Region = TestClients.Region, AthenaWorkGroup = workGroup, AthenaDatabase = database });

        var error = await Assert.ThrowsAsync<MissingSettingException>(() => sut.StartQueryAsync("SELECT ?", ["jr_1"], CancellationToken.None));

        Assert.Equal(variable, error.Variable);
        Assert.Empty(endpoint.Requests);
    }

    [Fact]
    public async Task GetResultsAsync_TwoPages_DropsOnlyTheHeaderRowOfTheFirstPage()
    {
        endpoint.Then(
            ScriptedResponse.Ok("""{"ResultSet":{"Rows":[{"Data":[{"VarCharValue":"offending"}]},{"Data":[{"VarCharValue":"3"}]}]},"NextToken":"t-2"}"""),
            ScriptedResponse.Ok("""{"ResultSet":{"Rows":[{"Data":[{"VarCharValue":"4"}]},{"Data":[{}]}]}}"""));

        var rows = await CreateSut().GetResultsAsync("q-1", CancellationToken.None);

        Assert.Equal([["3"], ["4"], [null]], rows);
    }

    [Fact]
    public async Task GetResultsAsync_HeaderOnly_ReturnsNoRows()
    {
        endpoint.Then(ScriptedResponse.Ok("""{"ResultSet":{"Rows":[{"Data":[{"VarCharValue":"offending"}]}]}}"""));

        Assert.Empty(await CreateSut().GetResultsAsync("q-1", CancellationToken.None));
    }

    [Theory]
    [InlineData("""{"StateChangeReason":"TABLE_NOT_FOUND: line 1:22: Table 'clean_purchases' does not exist","AthenaError":{"ErrorCategory":2,"ErrorType":1006,"Retryable":false,"ErrorMessage":"TABLE_NOT_FOUND"}}""",
        "TABLE_NOT_FOUND: line 1:22: Table 'clean_purchases' does not exist (Athena: user error, re-running will not help)")]
    [InlineData("""{"AthenaError":{"ErrorCategory":1,"ErrorType":401,"Retryable":true,"ErrorMessage":"Query exhausted resources at this scale factor"}}""",
        "Query exhausted resources at this scale factor (Athena: system error, re-running may succeed)")]
    [InlineData("""{"StateChangeReason":"Query cancelled by user"}""", "Query cancelled by user")]
    [InlineData("""{}""", null)]
    public async Task GetQueryAsync_FailedQuery_ReasonSaysWhoseErrorAndWhetherARerunMayHelp(string status, string? reason)
    {
        var statusNode = JsonNode.Parse(status)!.AsObject();
        statusNode["State"] = "FAILED";
        endpoint.Then(ScriptedResponse.Ok(new JsonObject { ["QueryExecution"] = new JsonObject { ["QueryExecutionId"] = "q-1", ["Status"] = statusNode } }.ToJsonString()));

        var query = await CreateSut().GetQueryAsync("q-1", CancellationToken.None);

        Assert.Equal(new Core.Ports.QueryStatus("q-1", "FAILED", reason), query);
    }

    private AthenaQueryService CreateSut(string? outputLocation = "s3://lake/athena-results/") =>
        new(Athena(), new AwsSettings
        {
            Region = TestClients.Region,
            AthenaWorkGroup = "purchase-pipeline",
            AthenaDatabase = "purchases",
            AthenaOutputLocation = outputLocation,
        });

    private AthenaClient Athena() => new(TestClients.For(AwsService.Athena, endpoint));
}
