namespace PurchasePipeline.Aws.Protocol;

/// <summary>The query protocol's request body: <c>name=value</c> pairs, each side percent-encoded (RFC 3986), joined by '&amp;'.</summary>
internal static class QueryForm
{
    public static string Encode(IEnumerable<KeyValuePair<string, string?>> members) =>
        string.Join('&', members.Select(m => Uri.EscapeDataString(m.Key) + "=" + Uri.EscapeDataString(m.Value ?? string.Empty)));
}
