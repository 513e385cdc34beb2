using System.Globalization;
using System.Text;
using PurchasePipeline.Core.Schema;
using PurchasePipeline.Generator.Tests.Support;

namespace PurchasePipeline.Generator.Tests;

public sealed class UsersFileTests
{
    [Fact]
    public async Task RunAsync_IncludeUsers_WritesOneUserSchemaRowPerCustomer()
    {
        var (sink, result) = await Generated.RunAsync(Some.Options() with { IncludeUsers = true });

        Assert.Equal("reference/users/users.csv", result.UsersKey);
        var records = CsvReader.Parse(Encoding.UTF8.GetString(sink.Objects["reference/users/users.csv"]));
        Assert.Equal(UserSchema.ColumnNames, records[0]);
        var users = records.Skip(1).ToList();
        Assert.Equal(Enumerable.Range(1, 1000).Select(i => "USI_" + i.ToString(CultureInfo.InvariantCulture)), users.Select(u => u[0]));
        Assert.All(users, u =>
        {
            Assert.Equal(UserSchema.ColumnNames.Count, u.Count);
            Assert.InRange(int.Parse(u[Column("age")], CultureInfo.InvariantCulture), 18, 85);
            Assert.Contains('@', u[Column("email")]);
            Assert.All(u, field => Assert.False(string.IsNullOrWhiteSpace(field)));
        });
        Assert.True(users.Select(u => u[Column("city")]).Distinct().Count() > 300);
    }

    [Fact]
    public async Task RunAsync_WithoutIncludeUsers_WritesOnlyPurchaseBatches()
    {
        var (sink, result) = await Generated.RunAsync(Some.Options());

        Assert.Null(result.UsersKey);
        Assert.All(sink.Objects.Keys, k => Assert.StartsWith("raw/", k, StringComparison.Ordinal));
    }

    private static int Column(string name) => UserSchema.ColumnNames.ToList().IndexOf(name);
}
