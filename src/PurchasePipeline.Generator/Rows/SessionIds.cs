namespace PurchasePipeline.Generator.Rows;

/// <summary>
/// Hands out 32-hex-character session ids, never the same one twice in a run. Every clean row carries its
/// session id and a timestamp unique within that session, so no two generated purchases can share a
/// fingerprint by accident: only the deliberate duplicates do.
/// </summary>
internal sealed class SessionIds(Random random)
{
    private readonly HashSet<string> issued = new(StringComparer.Ordinal);

    public string Next()
    {
        Span<byte> bytes = stackalloc byte[16];
        while (true)
        {
            random.NextBytes(bytes);
            var id = Convert.ToHexStringLower(bytes);
            if (issued.Add(id))
            {
                return id;
            }
        }
    }
}
