using System.Globalization;
using System.Text.RegularExpressions;
using Constructs;

namespace PurchasePipeline.Infra.Settings;

/// <summary>Reads <see cref="PipelineSettings"/> from a construct's context, collecting every problem first.</summary>
public static partial class PipelineSettingsReader
{
    private static readonly string[] WorkerTypes = ["G.1X", "G.2X", "G.4X", "G.8X"];

    /// <exception cref="InfraSettingsException">A context value is malformed; the message names each one.</exception>
    public static PipelineSettings Read(Node node)
    {
        ArgumentNullException.ThrowIfNull(node);
        var problems = new List<string>();
        var defaults = new PipelineSettings();
        string? Text(string name) => Value(node, name);
        int Number(string name, int fallback, int min, int max) => ReadNumber(Text(name), name, fallback, min, max, problems);

        var functionsPath = Text(ContextNames.FunctionsPath);
        if (functionsPath is not null && !File.Exists(Path.Combine(functionsPath, Functions.FunctionCode.Bootstrap)))
        {
            var what = Directory.Exists(functionsPath) ? $"has no {Functions.FunctionCode.Bootstrap}" : "is not a folder";
            problems.Add($"{ContextNames.FunctionsPath}: '{functionsPath}' {what} ({Functions.FunctionCode.PublishCommand} FOLDER)");
        }

        var email = Text(ContextNames.AlertEmail);
        if (email is not null && !EmailPattern().IsMatch(email))
        {
            problems.Add($"{ContextNames.AlertEmail}: '{email}' is not an email address");
        }

        var datasetId = Text(ContextNames.QuickSightDatasetId) ?? "";
        if (datasetId.Length > 0 && !DatasetIdPattern().IsMatch(datasetId))
        {
            problems.Add($"{ContextNames.QuickSightDatasetId}: '{datasetId}' is not a dataset id (letters, digits, '-' and '_', up to 128)");
        }

        var database = Text(ContextNames.DatabaseName) ?? defaults.DatabaseName;
        if (!DatabasePattern().IsMatch(database))
        {
            problems.Add($"{ContextNames.DatabaseName}: '{database}' is not a Glue database name (lower-case letters, digits and '_')");
        }

        var workerType = Text(ContextNames.GlueWorkerType) ?? defaults.GlueWorkerType;
        if (!WorkerTypes.Contains(workerType, StringComparer.Ordinal))
        {
            problems.Add($"{ContextNames.GlueWorkerType}: '{workerType}' is not one of {string.Join(", ", WorkerTypes)}");
        }

        var settings = new PipelineSettings
        {
            FunctionsPath = functionsPath is null ? null : Path.GetFullPath(functionsPath),
            AlertEmail = email,
            QuickSightDatasetId = datasetId,
            DatabaseName = database,
            GlueWorkerType = workerType,
            GlueWorkers = Number(ContextNames.GlueWorkers, defaults.GlueWorkers, 2, 299),
            GlueJobTimeoutMinutes = Number(ContextNames.GlueJobTimeoutMinutes, defaults.GlueJobTimeoutMinutes, 1, 2880),
            CrawlerPollSeconds = Number(ContextNames.CrawlerPollSeconds, defaults.CrawlerPollSeconds, 1, 3600),
            JobPollSeconds = Number(ContextNames.JobPollSeconds, defaults.JobPollSeconds, 1, 3600),
            ValidationPollSeconds = Number(ContextNames.ValidationPollSeconds, defaults.ValidationPollSeconds, 1, 3600),
            RefreshPollSeconds = Number(ContextNames.RefreshPollSeconds, defaults.RefreshPollSeconds, 1, 3600),
            MaxPolls = Number(ContextNames.MaxPolls, defaults.MaxPolls, 1, 10000),
            ScratchRetentionDays = Number(ContextNames.ScratchRetentionDays, defaults.ScratchRetentionDays, 1, 3650),
            NoncurrentVersionDays = Number(ContextNames.NoncurrentVersionDays, defaults.NoncurrentVersionDays, 1, 3650),
        };

        return problems.Count == 0
            ? settings
            : throw new InfraSettingsException("invalid context: " + string.Join("; ", problems));
    }

    /// <summary>The value as text: "-c name=value" gives a string, cdk.json may give a number; blank is absent.</summary>
    private static string? Value(Node node, string name)
    {
        var value = node.TryGetContext(name);
        var text = value switch
        {
            null => null,
            string s => s,
            IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
            _ => value.ToString(),
        };
        return string.IsNullOrWhiteSpace(text) ? null : text.Trim();
    }

    private static int ReadNumber(string? text, string name, int fallback, int min, int max, List<string> problems)
    {
        if (text is null)
        {
            return fallback;
        }

        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number >= min && number <= max)
        {
            return number;
        }

        problems.Add($"{name}: '{text}' is not a whole number from {min} to {max}");
        return fallback;
    }

    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[^@\s]+$")]
    private static partial Regex EmailPattern();

    [GeneratedRegex(@"^[A-Za-z0-9_-]{1,128}$")]
    private static partial Regex DatasetIdPattern();

    [GeneratedRegex(@"^[a-z0-9_]{1,255}$")]
    private static partial Regex DatabasePattern();
}
