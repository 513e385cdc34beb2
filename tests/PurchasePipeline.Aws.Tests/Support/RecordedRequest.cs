using System.Text;

namespace PurchasePipeline.Aws.Tests.Support;

/// <summary>A request the fake endpoint received.</summary>
internal sealed record RecordedRequest(string Method, string RawPath, IReadOnlyDictionary<string, string> Headers, byte[] Body)
{
    public string BodyText => Encoding.UTF8.GetString(Body);

    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;
}
