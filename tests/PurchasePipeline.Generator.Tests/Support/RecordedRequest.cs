namespace PurchasePipeline.Generator.Tests.Support;

/// <summary>One request the fake S3 endpoint received.</summary>
internal sealed record RecordedRequest(string Method, string Path, IReadOnlyDictionary<string, string> Headers, byte[] Body);
