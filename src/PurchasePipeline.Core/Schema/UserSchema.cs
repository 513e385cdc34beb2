namespace PurchasePipeline.Core.Schema;

/// <summary>
/// The optional user dimension. When a users file is present, aggregates are enriched with customer
/// segments (age band, gender); without it the segment aggregate reports every purchase as <c>unknown</c>.
/// </summary>
public static class UserSchema
{
    /// <summary>Columns of a users file, in file order.</summary>
    public static IReadOnlyList<SchemaColumn> Columns { get; } =
    [
        new("user_id", ColumnKind.Text, true, "Customer id, USI_1..USI_1000"),
        new("age", ColumnKind.WholeNumber, false, "Age in years"),
        new("gender", ColumnKind.Text, false, "Gender"),
        new("education", ColumnKind.Text, false, "Highest education"),
        new("marital_status", ColumnKind.Text, false, "Marital status"),
        new("occupation", ColumnKind.Text, false, "Occupation"),
        new("interests", ColumnKind.Text, false, "Interests, separated by ';'"),
        new("email", ColumnKind.Text, false, "E-mail address"),
        new("phone_number", ColumnKind.Text, false, "Phone number"),
        new("city", ColumnKind.Text, false, "City"),
        new("language", ColumnKind.Text, false, "Preferred language"),
    ];

    /// <summary>Column names in file order.</summary>
    public static IReadOnlyList<string> ColumnNames { get; } = [.. Columns.Select(c => c.Name)];

    /// <summary>The header line of a users CSV file.</summary>
    public static string CsvHeader { get; } = string.Join(',', ColumnNames);
}
