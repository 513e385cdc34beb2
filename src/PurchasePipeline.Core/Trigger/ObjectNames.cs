namespace PurchasePipeline.Core.Trigger;

/// <summary>
/// Object names the pipeline never reads as purchase data, on both planes. Spark's file listing (which
/// Glue's readers use) skips names starting with '_' or '.' (apache/spark,
/// core/src/main/scala/org/apache/spark/util/HadoopFSUtils.scala, shouldFilterOutPathName); '~' and '.tmp'
/// are what editors and the local plane's own writers leave while a file is being written. The rule's
/// event pattern cannot exclude them: EventBridge ANDs fields, not filters on one field, and the key must
/// also start with raw/ (statemachine/event-pattern.json). So the entry points refuse them and say why.
/// </summary>
public static class ObjectNames
{
    /// <summary>Why a file or folder name (one segment of a key) is not read as an object, or null.</summary>
    public static string? WhyIgnored(string name) => name switch
    {
        [var first, ..] when first is '_' or '.' =>
            $"ignored by design: names starting with '{first}' are hidden files that Spark and Glue never read; rename it to process it",
        ['~', ..] => "ignored by design: names starting with '~' are temporary files; rename it to process it",
        _ when name.EndsWith(".tmp", StringComparison.OrdinalIgnoreCase) =>
            "ignored by design: names ending in .tmp are files still being written; rename it to process it",
        _ => null,
    };
}
