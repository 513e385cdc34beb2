namespace PurchasePipeline.States.Execution;

/// <summary>
/// StringMatches: <c>*</c> matches any run of characters; <c>\*</c> is a literal star and <c>\\</c> a
/// literal backslash; every other character matches itself.
/// </summary>
internal static class WildcardPattern
{
    public static bool Matches(string pattern, string text)
    {
        var tokens = Tokenize(pattern);
        int t = 0, p = 0, starToken = -1, starText = 0;
        while (t < text.Length)
        {
            if (p < tokens.Count && !tokens[p].IsStar && tokens[p].Literal == text[t])
            {
                p++;
                t++;
            }
            else if (p < tokens.Count && tokens[p].IsStar)
            {
                starToken = p++;
                starText = t;
            }
            else if (starToken >= 0)
            {
                p = starToken + 1;
                t = ++starText;
            }
            else
            {
                return false;
            }
        }

        while (p < tokens.Count && tokens[p].IsStar)
        {
            p++;
        }

        return p == tokens.Count;
    }

    private static List<(bool IsStar, char Literal)> Tokenize(string pattern)
    {
        var tokens = new List<(bool, char)>();
        for (var i = 0; i < pattern.Length; i++)
        {
            if (pattern[i] == '\\' && i + 1 < pattern.Length && pattern[i + 1] is '*' or '\\')
            {
                tokens.Add((false, pattern[++i]));
            }
            else
            {
                tokens.Add((pattern[i] == '*', pattern[i]));
            }
        }

        return tokens;
    }
}
