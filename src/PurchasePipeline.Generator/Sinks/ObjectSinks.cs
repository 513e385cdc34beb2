using Amazon.Runtime;

namespace PurchasePipeline.Generator.Sinks;

/// <summary>Chooses the sink for an <c>--out</c> value: <c>s3://bucket/prefix</c> → S3, anything else → a folder.</summary>
internal static class ObjectSinks
{
    public static IObjectSink Create(string target, Func<string, string?> environment, AWSCredentials? credentials = null, Action<string>? notice = null) =>
        S3Target.IsS3(target)
            ? new S3Sink(S3ClientFactory.Create(environment, credentials), S3Target.Parse(target))
            : new FolderSink(target, notice);
}
