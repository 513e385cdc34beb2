using System.Text;

namespace PurchasePipeline.TestUtils.Http;

/// <summary>A request the fake endpoint received.</summary>
public sealed record RecordedRequest(string Method, string RawPath, IReadOnlyDictionary<string, string> Headers, byte[] Body)
{
    public string BodyText => Encoding.UTF8.GetString(Body);

    /// <summary>The path without the query string, as sent (percent-encoded).</summary>
    public string Path => RawPath.Split('?')[0];

    /// <summary>The X-Amz-Target (JSON protocols), else the form's Action (query protocol), else "".</summary>
    public string Operation => Header("X-Amz-Target") ?? Form.GetValueOrDefault("Action", string.Empty);

    /// <summary>A form-encoded body's members (the query protocol), percent-decoded.</summary>
    public IReadOnlyDictionary<string, string> Form =>
        BodyText.Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair => pair.Split('=', 2))
            .Where(parts => parts.Length == 2)
            .ToDictionary(parts => Uri.UnescapeDataString(parts[0]), parts => Uri.UnescapeDataString(parts[1].Replace('+', ' ')), StringComparer.Ordinal);

    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;
}
