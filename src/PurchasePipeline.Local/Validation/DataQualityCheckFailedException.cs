using System.Globalization;
using PurchasePipeline.Core.Errors;
using PurchasePipeline.Core.Validation;

namespace PurchasePipeline.Local.Validation;

/// <summary>
/// A run's staged output broke a glue/validation rule (write-audit-publish): nothing of the run is published
/// and the bookmark does not move, so a rerun once the data is fixed reads the same objects again.
/// </summary>
public sealed class DataQualityCheckFailedException : PipelineException
{
    public DataQualityCheckFailedException(ValidationReport report)
        : base(MessageOf(report))
    {
        Report = report;
    }

    /// <summary>Every rule's outcome over the staged run.</summary>
    public ValidationReport Report { get; }

    private static string MessageOf(ValidationReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var broken = report.Rules.Where(rule => !rule.Passed)
            .Select(rule => string.Create(CultureInfo.InvariantCulture, $"{rule.Rule} ({rule.Offending} offending)"));
        return $"data-quality check of staged run {report.RunId} failed, nothing published: {string.Join(", ", broken)}";
    }
}
