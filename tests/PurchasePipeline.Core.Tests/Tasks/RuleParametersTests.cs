using PurchasePipeline.Core.Validation;

namespace PurchasePipeline.Core.Tests.Tasks;

public class RuleParametersTests
{
    [Theory]
    [InlineData("SELECT 1 WHERE a = ?", 1)]
    [InlineData("WITH t AS (SELECT CAST(? AS VARCHAR) AS r) SELECT count(*) FROM x WHERE x.r = ?", 2)]
    [InlineData("SELECT '?' AS q, \"a?\" FROM t -- why? because\nWHERE r = ?", 1)]
    [InlineData("SELECT 1", 0)]
    public void Count_Placeholders_IgnoresLiteralsIdentifiersAndComments(string sql, int expected)
    {
        Assert.Equal(expected, RuleParameters.Count(sql));
    }

    [Fact]
    public void For_RowConservation_PassesTheRunIdOncePerPlaceholder()
    {
        var sql = File.ReadAllText(TestUtils.RepoPaths.Combine("glue", "validation", "row_conservation.sql"));

        Assert.Equal(["jr_1", "jr_1"], RuleParameters.For(sql, "jr_1"));
    }
}
