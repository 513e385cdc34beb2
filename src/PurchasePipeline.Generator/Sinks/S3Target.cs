namespace PurchasePipeline.Generator.Sinks;

/// <summary>A bucket and key prefix parsed from <c>s3://bucket/prefix</c>; the prefix is empty or ends in '/'.</summary>
internal readonly record struct S3Target(string Bucket, string Prefix)
{
    private const string Scheme = "s3://";

    public static bool IsS3(string target) => target.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase);

    public static S3Target Parse(string target)
    {
        if (!IsS3(target))
        {
            throw new ArgumentException($"'{target}' is not an s3://bucket/prefix address.", nameof(target));
        }

        var rest = target[Scheme.Length..];
        var slash = rest.IndexOf('/', StringComparison.Ordinal);
        var bucket = slash < 0 ? rest : rest[..slash];
        var prefix = slash < 0 ? string.Empty : rest[(slash + 1)..].Trim('/');
        return new S3Target(bucket, prefix.Length == 0 ? string.Empty : prefix + "/");
    }

    public string KeyOf(string key) => Prefix + key;
}
