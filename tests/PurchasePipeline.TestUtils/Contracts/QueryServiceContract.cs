using PurchasePipeline.Core.Errors;
using PurchasePipeline.Core.Ports;
using Xunit;

namespace PurchasePipeline.TestUtils.Contracts;

/// <summary>
/// What every <see cref="IQueryService"/> must do, run against each plane's adapter (local: DuckDB; AWS:
/// Athena behind a fake endpoint). The validation rules bind the run id through <c>?</c> and read one row.
/// </summary>
/// <remarks>
/// A query that cannot run (bad SQL, or not one parameter per <c>?</c>) is refused the way Athena refuses it:
/// StartQuery returns an id, and the query ends FAILED with a reason (Athena's GetQueryExecution State and
/// StateChangeReason); it does not throw. Values come back as the text Athena writes for them.
/// </remarks>
public abstract class QueryServiceContract
{
    private static readonly string[] QueryStates = ["QUEUED", "RUNNING", "SUCCEEDED", "FAILED", "CANCELLED"];
    private static readonly string[] EndStates = ["SUCCEEDED", "FAILED", "CANCELLED"];

    /// <summary>Polls before a query counts as stuck: a count, not a time, so no test waits on a clock.</summary>
    private const int MaxPolls = 10;

    protected abstract IQueryService CreateSut();

    [Fact]
    public async Task StartQuery_WithAParameter_EndsSucceeded()
    {
        var sut = CreateSut();
        var queryId = await sut.StartQueryAsync("SELECT ? AS v", ["jr_1"], CancellationToken.None);

        var status = await EndOfAsync(sut, queryId);

        Assert.Equal(queryId, status.QueryId);
        Assert.Equal("SUCCEEDED", status.State);
    }

    [Fact]
    public async Task GetResults_OfASelect_ReturnsTheDataRowsOnly()
    {
        var sut = CreateSut();
        var queryId = await sut.StartQueryAsync("SELECT ? AS run_id, ? AS rule", ["jr_1", "amounts"], CancellationToken.None);
        await EndOfAsync(sut, queryId);

        var rows = await sut.GetResultsAsync(queryId, CancellationToken.None);

        // One data row, its values in parameter order; no header row of column names before it.
        var row = Assert.Single(rows);
        Assert.Equal(["jr_1", "amounts"], row);
    }

    [Theory]
    [InlineData("O'Brien")]
    [InlineData("'")]
    [InlineData("''")]
    [InlineData("x' AS v, 'y")]
    [InlineData("'; DROP TABLE purchases; --")]
    [InlineData("")]
    [InlineData("Zoë 北京 ✓ 🦆")]
    [InlineData("back\\slash")]
    public async Task StartQuery_ParameterWithQuotesOrText_IsBoundAsData(string value)
    {
        var sut = CreateSut();
        var queryId = await sut.StartQueryAsync("SELECT ? AS v", [value], CancellationToken.None);
        Assert.Equal("SUCCEEDED", (await EndOfAsync(sut, queryId)).State);

        var rows = await sut.GetResultsAsync(queryId, CancellationToken.None);

        Assert.Equal(value, Assert.Single(Assert.Single(rows)));
    }

    [Fact]
    public async Task StartQuery_InvalidSql_EndsFailedWithAReason()
    {
        var sut = CreateSut();
        var queryId = await sut.StartQueryAsync("SELEC ? AS v", ["jr_1"], CancellationToken.None);

        var status = await EndOfAsync(sut, queryId);

        Assert.Equal("FAILED", status.State);
        Assert.False(string.IsNullOrWhiteSpace(status.StateChangeReason));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(2)]
    public async Task StartQuery_NotOneParameterPerPlaceholder_EndsFailedWithAReason(int count)
    {
        var sut = CreateSut();
        var queryId = await sut.StartQueryAsync("SELECT ? AS v", [.. Enumerable.Repeat("jr_1", count)], CancellationToken.None);

        var status = await EndOfAsync(sut, queryId);

        Assert.Equal("FAILED", status.State);
        Assert.False(string.IsNullOrWhiteSpace(status.StateChangeReason));
    }

    [Fact]
    public async Task GetResults_IntegerBooleanDateAndNull_AreTheTextAthenaWrites()
    {
        var sut = CreateSut();
        var queryId = await sut.StartQueryAsync("SELECT 42 AS n, true AS b, DATE '2024-05-01' AS d, NULL AS z, ? AS s", ["jr_1"], CancellationToken.None);
        Assert.Equal("SUCCEEDED", (await EndOfAsync(sut, queryId)).State);

        var rows = await sut.GetResultsAsync(queryId, CancellationToken.None);

        Assert.Equal(["42", "true", "2024-05-01", null, "jr_1"], Assert.Single(rows));
    }

    [Fact]
    public async Task GetQuery_UnknownQueryId_ThrowsEntityNotFound()
    {
        var sut = CreateSut();
        await Assert.ThrowsAsync<EntityNotFoundException>(() => sut.GetQueryAsync("5b9e1f7c-0000-4000-8000-000000000000", CancellationToken.None));
    }

    /// <summary>Polls the query (a known state every time) until it ends.</summary>
    private static async Task<QueryStatus> EndOfAsync(IQueryService sut, string queryId)
    {
        for (var poll = 0; poll < MaxPolls; poll++)
        {
            var status = await sut.GetQueryAsync(queryId, CancellationToken.None);
            Assert.Contains(status.State, QueryStates);
            if (EndStates.Contains(status.State))
            {
                return status;
            }
        }

        Assert.Fail($"query {queryId} did not end within {MaxPolls} polls");
        return null!;
    }
}
