using PurchasePipeline.Core.Trigger;

namespace PurchasePipeline.Core.Tests.Trigger;

/// <summary>
/// Names never read as purchase objects. Spark skips '_' and '.' names (apache/spark,
/// core/src/main/scala/org/apache/spark/util/HadoopFSUtils.scala, shouldFilterOutPathName), so Glue never
/// reads them either; '~' and '.tmp' are files still being written.
/// </summary>
public class ObjectNamesTests
{
    [Theory]
    [InlineData("_purchases.csv", "names starting with '_' are hidden files that Spark and Glue never read")]
    [InlineData(".purchases.csv", "names starting with '.' are hidden files that Spark and Glue never read")]
    [InlineData("~purchases.csv", "names starting with '~' are temporary files")]
    [InlineData("purchases.csv.tmp", "names ending in .tmp are files still being written")]
    public void WhyIgnored_HiddenOrTemporaryName_SaysItIsIgnoredByDesignAndWhy(string name, string why) =>
        Assert.Equal($"ignored by design: {why}; rename it to process it", ObjectNames.WhyIgnored(name));

    [Theory]
    [InlineData("purchases.csv")]
    [InlineData("purchases.csv.gz")]
    [InlineData("purchases_2026.jsonl")]
    [InlineData("2026")]
    public void WhyIgnored_PurchaseObjectOrFolder_IsNull(string name) => Assert.Null(ObjectNames.WhyIgnored(name));
}
