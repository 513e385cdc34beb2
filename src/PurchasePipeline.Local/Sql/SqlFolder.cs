namespace PurchasePipeline.Local.Sql;

/// <summary>
/// Reads the shared transform SQL (glue/sql). The build copies it next to the binaries, so the local plane runs
/// the very files the Glue job runs, never a copy in code. The glue/validation rules have their own reader,
/// ValidationRuleFiles (PurchasePipeline.Functions), the one both planes' validation uses.
/// </summary>
internal static class SqlFolder
{
    /// <summary>glue/sql: the transform, in file-name order.</summary>
    public static IReadOnlyList<SqlScript> Transform => Load("sql");

    /// <summary>Scripts of a folder under glue/ copied to the output directory.</summary>
    public static IReadOnlyList<SqlScript> Load(string folder)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "glue", folder);
        if (!Directory.Exists(path))
        {
            throw new DirectoryNotFoundException($"SQL folder {path} is missing; the build copies glue/{folder} there");
        }

        return
        [
            .. Directory.GetFiles(path, "*.sql")
                .Order(StringComparer.Ordinal)
                .Select(file => new SqlScript(NameOf(file), File.ReadAllText(file)))
        ];
    }

    private static string NameOf(string file)
    {
        var stem = Path.GetFileNameWithoutExtension(file);
        var underscore = stem.IndexOf('_', StringComparison.Ordinal);
        return underscore > 0 && stem[..underscore].All(char.IsAsciiDigit) ? stem[(underscore + 1)..] : stem;
    }
}
