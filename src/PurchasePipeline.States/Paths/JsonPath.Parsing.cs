namespace PurchasePipeline.States.Paths;

internal sealed partial class JsonPath
{
    /// <summary>Parses a path; throws <see cref="PathSyntaxException"/> with a message naming the path.</summary>
    public static JsonPath Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length == 0 || text[0] != '$')
        {
            throw new PathSyntaxException($"must be a path starting with $, got '{text}'");
        }

        var isContext = text.StartsWith("$$", StringComparison.Ordinal);
        var reader = new PathReader(text, isContext ? 2 : 1);
        var segments = new List<PathSegment>();
        while (!reader.AtEnd)
        {
            segments.Add(reader.ReadSegment(inFilter: false));
        }

        return new JsonPath(text, isContext, segments);
    }

    /// <summary>Parses a path, or explains why it does not parse.</summary>
    public static bool TryParse(string text, out JsonPath path, out string error)
    {
        try
        {
            path = Parse(text);
            error = string.Empty;
            return true;
        }
        catch (PathSyntaxException e)
        {
            path = Root;
            error = e.Message;
            return false;
        }
    }
}
