using PurchasePipeline.Functions;
using System.Text.RegularExpressions;
using PurchasePipeline.Core.Schema;
using PurchasePipeline.Local.Duck;
using PurchasePipeline.Local.Etl;
using PurchasePipeline.Local.Lake;
using PurchasePipeline.TestUtils;

namespace PurchasePipeline.Local.Tests.Transform;

/// <summary>
/// A field that ends in a line terminator (a quoted CSV field can) gets the same verdict from the Glue job
/// (Spark: Java regular expressions) as from the local job (DuckDB: RE2): rejected with the field's reason,
/// its raw text kept. trim() removes spaces only, in both engines, so the terminator stays in the value and
/// a value with one is not a valid id, number, time or address. The engines' $ differ: Spark's
/// regexp_extract is Pattern.compile(p).matcher(s).find() (apache/spark sql/catalyst/src/main/scala/org/
/// apache/spark/sql/catalyst/expressions/regexpExpressions.scala, RegExpExtract), and Java's $ also matches
/// before a line terminator that ends the input (openjdk/jdk src/java.base/share/classes/java/util/regex/
/// Pattern.java, class Dollar), while RE2's matches at the end of the text only (google/re2 doc/syntax.txt).
/// glue/sql therefore compares each match with the value itself (check_spark_sql.py enforces it).
/// </summary>
public sealed partial class LineTerminatorTests : IDisposable
{
    /// <summary>Java's line terminators (Pattern.java's class comment, "Line terminators").</summary>
    private static readonly string[] JavaLineTerminators = ["\n", "\r\n", "\r", "\u0085", "\u2028", "\u2029"];

    private readonly TempDirectory temp = new();

    public void Dispose() => temp.Dispose();

    public static TheoryData<string, string> CheckedFields => new()
    {
        { "user_id", RejectReason.InvalidUserId },
        { "session_id", RejectReason.InvalidSessionId },
        { "cost_price", RejectReason.InvalidCostPrice },
        { "selling_price", RejectReason.InvalidSellingPrice },
        { "discount", RejectReason.InvalidDiscount },
        { "timestamp", RejectReason.InvalidTimestamp },
        { "ip_address", RejectReason.InvalidIpAddress },
    };

    [Theory]
    [MemberData(nameof(CheckedFields))]
    public void Run_QuotedFieldEndingInANewline_RejectedWithTheFieldsReasonAndItsRawText(string field, string reason)
    {
        var home = new LocalHome(temp.Path);
        var dirty = Some.Row(2).With(field, Some.Row(2)[field] + "\n");
        Some.Land(home, "raw/2024/05/01/a.csv", Some.Csv([Some.Row(1), dirty]));

        var manifest = new LocalEtlJob(home, TimeProvider.System, new ValidationRuleFiles()).Run();

        var rejected = LakeQuery.Single(home, "SELECT * FROM rejected_purchases");
        Assert.Equal(reason, rejected["reject_reason"]);
        Assert.Equal(dirty[field], rejected[field]);
        Assert.Equal(1, manifest.RowsClean);
    }

    [Theory]
    [MemberData(nameof(CheckedFields))]
    public void TypedPurchases_FieldEndingInALineTerminator_SameVerdictUnderJavasDollarAsUnderRe2s(string field, string reason)
    {
        var sql = File.ReadAllText(RepoPaths.Combine("glue", "sql", "01_typed_purchases.sql"));
        var underJava = UnderJavaDollar(sql);
        Assert.NotEqual(sql, underJava);

        foreach (var terminator in JavaLineTerminators)
        {
            var row = Some.Row(1).With(field, Some.Row(1)[field] + terminator);

            Assert.Equal((reason, reason), (RejectReasonOf(sql, row), RejectReasonOf(underJava, row)));
        }
    }

    [Fact]
    public void TypedPurchases_ValidRow_ValidUnderBothDollars()
    {
        var sql = File.ReadAllText(RepoPaths.Combine("glue", "sql", "01_typed_purchases.sql"));

        Assert.Equal((null, null), (RejectReasonOf(sql, Some.Row(1)), RejectReasonOf(UnderJavaDollar(sql), Some.Row(1))));
    }

    /// <summary>
    /// The SQL with Spark's reading of $ spelled out for RE2: regexp_extract(x, '^P$', 0), a find() in Java,
    /// becomes group 1 of '(^P)(?:T)?$' with T any one Java line terminator, so $ may match before a final
    /// terminator as in Pattern.java's Dollar (not multiline). Both engines prefer P's alternatives in order.
    /// </summary>
    private static string UnderJavaDollar(string sql) =>
        AnchoredExtract().Replace(sql, m => $"regexp_extract({m.Groups["subject"]}, '({m.Groups["pattern"]})(?:\\r\\n|[\\n\\r\\x{{85}}\\x{{2028}}\\x{{2029}}])?$', 1)");

    /// <summary>Runs a typed_purchases query over one raw row in DuckDB and returns its reject_reason.</summary>
    private static string? RejectReasonOf(string typedPurchasesSql, Dictionary<string, string> row)
    {
        using var connection = Duck.Duck.OpenInMemory();
        var values = PurchaseSchema.ColumnNames.Select(c => $"CAST({Duck.Duck.Literal(row[c])} AS VARCHAR) AS {c}");
        connection.Execute("CREATE TEMP TABLE raw_purchases AS SELECT " + string.Join(", ", values)
            + ", CAST(NULL AS VARCHAR) AS extra_fields, 'raw/a.csv' AS source_file, CAST(1 AS BIGINT) AS source_row, 'jr_1' AS run_id");
        var reasons = connection.Query("SELECT reject_reason FROM (" + typedPurchasesSql + ")", r => r.IsDBNull(0) ? null : r.GetString(0));
        return Assert.Single(reasons);
    }

    [GeneratedRegex(@"regexp_extract\((?<subject>[^,]+), '(?<pattern>\^[^']*)\$', 0\)")]
    private static partial Regex AnchoredExtract();
}
