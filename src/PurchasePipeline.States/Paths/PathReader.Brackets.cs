using System.Globalization;
using System.Text;

namespace PurchasePipeline.States.Paths;

/// <summary>The insides of brackets: quoted names, indexes, unions and slices.</summary>
internal sealed partial class PathReader
{
    private PathSegment ReadNames()
    {
        var names = new List<PathSegment>();
        while (true)
        {
            SkipSpaces();
            names.Add(new MemberSegment(ReadQuoted()));
            SkipSpaces();
            if (AtEnd || Current != ',')
            {
                break;
            }

            position++;
        }

        return names.Count == 1 ? names[0] : new UnionSegment(names);
    }

    private PathSegment ReadIndexes()
    {
        var end = text.IndexOf(']', position);
        if (end < 0)
        {
            throw Error("unclosed '['");
        }

        var parts = text[position..end].Split(',');
        position = end;
        if (parts.Length == 1 && parts[0].Contains(':', StringComparison.Ordinal))
        {
            return ReadSlice(parts[0]);
        }

        var indexes = parts.Select(part => (PathSegment)new IndexSegment(ReadInt(part) ?? throw Error("an empty index"))).ToList();
        return indexes.Count == 1 ? indexes[0] : new UnionSegment(indexes);
    }

    private SliceSegment ReadSlice(string slice)
    {
        var bounds = slice.Split(':');
        if (bounds.Length > 3)
        {
            throw Error($"'[{slice}]' is not a slice");
        }

        var step = bounds.Length == 3 ? ReadInt(bounds[2]) : null;
        if (step == 0)
        {
            throw Error("a slice step cannot be 0");
        }

        return new SliceSegment(ReadInt(bounds[0]), ReadInt(bounds[1]), step);
    }

    private int? ReadInt(string part)
    {
        var trimmed = part.Trim();
        if (trimmed.Length == 0)
        {
            return null;
        }

        return int.TryParse(trimmed, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw Error($"'{trimmed}' is not an index");
    }

    private string ReadQuoted()
    {
        var quote = Current;
        position++;
        var value = new StringBuilder();
        while (!AtEnd && Current != quote)
        {
            if (Current == '\\' && position + 1 < text.Length)
            {
                position++;
            }

            value.Append(Current);
            position++;
        }

        if (AtEnd)
        {
            throw Error("unterminated string");
        }

        position++;
        return value.ToString();
    }
}
