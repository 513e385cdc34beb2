using System.Text.RegularExpressions;
using PurchasePipeline.Core.Tasks;

namespace PurchasePipeline.Core.Tests.Tasks;

public partial class IngestionIdsTests
{
    [Theory]
    [InlineData("jr_3f1b2c8e9d0a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f9a0b1c2d3e")]
    [InlineData("jr_20250301T120000_1a2b3c4d")]
    public void ForJobRun_GlueOrLocalRunId_IsPrefixedAsItIs(string jobRunId)
    {
        Assert.Equal("pp-" + jobRunId, IngestionIds.ForJobRun(jobRunId));
    }

    [Fact]
    public void ForJobRun_SameRunId_SameIngestionId()
    {
        Assert.Equal(IngestionIds.ForJobRun("jr.1/a"), IngestionIds.ForJobRun("jr.1/a"));
    }

    [Theory]
    [InlineData("jr.1/a")]
    [InlineData("run id with spaces and ünïcode")]
    [InlineData("jr:2025-03-01T12:00:00Z")]
    public void ForJobRun_DisallowedCharacters_GivesAnIdQuickSightAccepts(string jobRunId)
    {
        Assert.Matches(QuickSightIngestionId(), IngestionIds.ForJobRun(jobRunId));
    }

    [Fact]
    public void ForJobRun_RunIdsThatSanitiseAlike_StillGetDifferentIngestions()
    {
        Assert.NotEqual(IngestionIds.ForJobRun("jr.1"), IngestionIds.ForJobRun("jr/1"));
    }

    [Fact]
    public void ForJobRun_RunIdLongerThanQuickSightAllows_IsCutTo128Characters()
    {
        var longId = "jr_" + new string('a', 300);

        var id = IngestionIds.ForJobRun(longId);

        Assert.Equal(IngestionIds.MaxLength, id.Length);
        Assert.Matches(QuickSightIngestionId(), id);
        Assert.NotEqual(id, IngestionIds.ForJobRun(longId + "b"));
    }

    [GeneratedRegex("^[a-zA-Z0-9-_]{1,128}$")]
    private static partial Regex QuickSightIngestionId();
}
