using System.Reflection;
using System.Text.RegularExpressions;
using PurchasePipeline.Core.Lake;
using PurchasePipeline.TestUtils;

namespace PurchasePipeline.Glue.Tests;

/// <summary>
/// The Glue job writes where the rest of the pipeline reads (CDK's tables and grants, the S3 manifest store,
/// the local plane): each of its LAKE_X constants is Core's <see cref="LakePrefixes"/>.X, and no other
/// literal of the job retypes a prefix.
/// </summary>
public sealed partial class LakePrefixesTests
{
    private static readonly Dictionary<string, string> CorePrefixes = typeof(LakePrefixes)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(field => field.IsLiteral)
        .ToDictionary(field => "LAKE_" + WordStart().Replace(field.Name, "_").ToUpperInvariant(), field => (string)field.GetRawConstantValue()!, StringComparer.Ordinal);

    [Fact]
    [Trait("Requires", "python3")]
    public async Task LakeConstants_AreThoseOfLakePrefixes()
    {
        var constants = (await Python.InspectJobAsync("lake-prefixes")).EnumerateObject().ToList();

        Assert.Equal(
            ["LAKE_AGGREGATES", "LAKE_CLEAN_PURCHASES", "LAKE_MANIFESTS", "LAKE_REJECTED_PURCHASES", "LAKE_STAGING"],
            constants.Select(constant => constant.Name).Order(StringComparer.Ordinal));
        Assert.All(constants, constant =>
        {
            Assert.True(CorePrefixes.TryGetValue(constant.Name, out var expected), $"{constant.Name}: LakePrefixes has no such prefix");
            Assert.Equal(expected, constant.Value.GetString());
        });
    }

    [Fact]
    public void JobScript_OutsideItsLakeConstants_QuotesNoPrefix()
    {
        var lines = GluePaths.JobFiles.SelectMany(file => File.ReadAllLines(file)
            .Select((text, index) => (Text: text, Where: $"{Path.GetRelativePath(RepoPaths.Root, file)}:{index + 1}"))
            .Where(line => !line.Text.StartsWith("LAKE_", StringComparison.Ordinal)));

        var retyped = lines
            .Where(line => CorePrefixes.Values.Any(prefix => line.Text.Contains('"' + prefix, StringComparison.Ordinal) || line.Text.Contains('\'' + prefix, StringComparison.Ordinal)))
            .Select(line => $"{line.Where}: {line.Text.Trim()}");

        Assert.Empty(retyped);
    }

    [GeneratedRegex("(?<=[a-z])(?=[A-Z])")]
    private static partial Regex WordStart();
}
