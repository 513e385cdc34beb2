namespace PurchasePipeline.Generator;

/// <summary>
/// What to generate and where to. Batch <c>n</c> (1-based) holds the purchases of one day,
/// <see cref="StartDate"/> + (n − 1) days, like a shop's daily export: successive batches move forward one
/// day each. The same options (seed included) always produce byte-identical files.
/// </summary>
public sealed record GenerateOptions
{
    /// <summary>The fixed default <see cref="StartDate"/>, so that output is reproducible unless a date is given.</summary>
    public static readonly DateOnly DefaultStartDate = new(2026, 11, 1);

    /// <summary>Where objects go: a folder, or <c>s3://bucket/prefix</c>.</summary>
    public required string Out { get; init; }

    /// <summary>How many batch files to write (default 3).</summary>
    public int Files { get; init; } = 3;

    /// <summary>Data rows per file, header not counted (default 1000).</summary>
    public int Rows { get; init; } = 1000;

    /// <summary>Seed of every random choice (default 42).</summary>
    public int Seed { get; init; } = 42;

    /// <summary>Share of rows, 0 to 1, that carry dirt: rejected, duplicated or sloppily written (default 0.05).</summary>
    public double DirtyRate { get; init; } = 0.05;

    /// <summary>File format of the batches (default CSV).</summary>
    public OutputFormat Format { get; init; } = OutputFormat.Csv;

    /// <summary>The day of the first batch's purchases (default <see cref="DefaultStartDate"/>).</summary>
    public DateOnly StartDate { get; init; } = DefaultStartDate;

    /// <summary>Periodic mode: wait this long between two batches. Null writes all batches at once.</summary>
    public TimeSpan? Every { get; init; }

    /// <summary>Also write the user dimension, <c>reference/users/users.csv</c>, before the first batch.</summary>
    public bool IncludeUsers { get; init; }

    /// <summary>Checks the options; throws <see cref="ArgumentException"/> with a one-line message naming the CLI option.</summary>
    public void Validate() => GenerateOptionsValidation.Validate(this);
}
