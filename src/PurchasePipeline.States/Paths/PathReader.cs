namespace PurchasePipeline.States.Paths;

/// <summary>Reads the steps of a JSONPath, one at a time, from a position in its text.</summary>
internal sealed partial class PathReader
{
    private const string FilterNameStops = " \t.[]()=!<>&|,'\"";

    private readonly string text;
    private int position;

    public PathReader(string text, int position)
    {
        this.text = text;
        this.position = position;
    }

    public bool AtEnd => position >= text.Length;

    private char Current => text[position];

    public PathSegment ReadSegment(bool inFilter)
    {
        if (Current == '[')
        {
            return ReadBracket();
        }

        if (Current != '.')
        {
            throw Error($"unexpected '{Current}'");
        }

        position++;
        if (!AtEnd && Current == '.')
        {
            position++;
            if (AtEnd)
            {
                throw Error("'..' must be followed by a name, '*' or '['");
            }

            return new DeepScanSegment(ReadDotted(inFilter));
        }

        if (AtEnd)
        {
            throw Error("a '.' must be followed by a name");
        }

        return ReadDotted(inFilter);
    }

    private PathSegment ReadDotted(bool inFilter)
    {
        if (Current == '*')
        {
            position++;
            return new WildcardSegment();
        }

        if (Current == '[')
        {
            return ReadBracket();
        }

        var start = position;
        while (!AtEnd && Current != '.' && Current != '[' && !(inFilter && FilterNameStops.Contains(Current, StringComparison.Ordinal)))
        {
            if (Current is '(' or ')')
            {
                throw Error("functions such as length() are not supported");
            }

            if (char.IsWhiteSpace(Current))
            {
                throw Error($"unexpected '{Current}'"); // as Jayway JsonPath: a name with blanks needs ['a b']
            }

            position++;
        }

        if (position == start)
        {
            throw Error("a '.' must be followed by a name");
        }

        return new MemberSegment(text[start..position]);
    }

    private PathSegment ReadBracket()
    {
        position++;
        SkipSpaces();
        if (AtEnd)
        {
            throw Error("unclosed '['");
        }

        PathSegment segment;
        if (Current == '*')
        {
            position++;
            segment = new WildcardSegment();
        }
        else if (Current == '?')
        {
            position++;
            SkipSpaces();
            Expect('(');
            var filter = ReadOr();
            SkipSpaces();
            Expect(')');
            segment = new FilterSegment(filter);
        }
        else if (Current is '\'' or '"')
        {
            segment = ReadNames();
        }
        else
        {
            segment = ReadIndexes();
        }

        SkipSpaces();
        Expect(']');
        return segment;
    }

    private void SkipSpaces()
    {
        while (!AtEnd && char.IsWhiteSpace(Current))
        {
            position++;
        }
    }

    private void Expect(char expected)
    {
        if (AtEnd || Current != expected)
        {
            throw Error(AtEnd ? $"expected '{expected}' at the end" : $"expected '{expected}' but found '{Current}'");
        }

        position++;
    }

    private PathSyntaxException Error(string problem) =>
        new($"'{text}' is not a valid path: {problem} at position {Math.Min(position, text.Length)}");
}
