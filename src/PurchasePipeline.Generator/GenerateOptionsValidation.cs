using PurchasePipeline.Generator.Sinks;

namespace PurchasePipeline.Generator;

/// <summary>The rules of <see cref="GenerateOptions.Validate"/>; messages name the CLI option they concern.</summary>
internal static class GenerateOptionsValidation
{
    public const int MaxFiles = 999_999;
    public const int MaxRows = 1_000_000;

    public static void Validate(GenerateOptions options)
    {
        Require(!string.IsNullOrWhiteSpace(options.Out), "--out is required: a folder or s3://bucket/prefix");
        Require(
            !S3Target.IsS3(options.Out) || S3Target.Parse(options.Out).Bucket.Length > 0,
            "--out s3://... needs a bucket name, e.g. s3://my-bucket/landing");
        Require(options.Files >= 1, "--files must be at least 1");
        Require(options.Files <= MaxFiles, $"--files must be at most {MaxFiles}");
        Require(options.Rows >= 1, "--rows must be at least 1");
        Require(options.Rows <= MaxRows, $"--rows must be at most {MaxRows}");
        Require(options.DirtyRate is >= 0 and <= 1, "--dirty-rate must be between 0 and 1");
        Require(options.Every is null || options.Every > TimeSpan.Zero, "--every must be a positive duration");
        Require(Enum.IsDefined(options.Format), $"unknown output format {options.Format}");
        Require(
            options.StartDate.DayNumber + (long)options.Files - 1 <= DateOnly.MaxValue.DayNumber,
            "--files days from the start date run past the year 9999");
    }

    private static void Require(bool condition, string message)
    {
        if (!condition)
        {
            throw new ArgumentException(message);
        }
    }
}
