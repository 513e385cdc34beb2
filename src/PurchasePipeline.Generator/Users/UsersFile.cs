using System.Globalization;
using System.Text;
using Bogus;
using Bogus.Distributions.Gaussian;
using PurchasePipeline.Core.Lake;
using PurchasePipeline.Core.Schema;
using PurchasePipeline.Generator.Sampling;
using PurchasePipeline.Generator.Writing;

namespace PurchasePipeline.Generator.Users;

/// <summary>
/// The optional user dimension, <see cref="Key"/>: one row per customer USI_1..USI_1000 in
/// <see cref="UserSchema"/> columns, with realistic values from Bogus seeded by the run's seed.
/// </summary>
internal static class UsersFile
{
    public const string Key = LakePrefixes.Users + "users.csv";

    private static readonly string[] Interests =
    [
        "gaming", "photography", "music", "fitness", "travel", "cooking", "movies", "reading",
        "home_office", "smart_home", "sports", "fashion", "diy", "outdoors",
    ];

    private static readonly WeightedChoice<string> Education = WeightedChoice.Of(
        ("high_school", 30.0), ("vocational", 18.0), ("bachelor", 32.0), ("master", 16.0), ("doctorate", 4.0));

    private static readonly WeightedChoice<string> Languages = WeightedChoice.Of(
        ("en", 55.0), ("es", 12.0), ("de", 9.0), ("fr", 9.0), ("it", 5.0), ("nl", 4.0), ("pt", 4.0), ("pl", 2.0));

    public static byte[] Create(int seed)
    {
        var faker = new Faker("en") { Random = new Randomizer(seed) };
        var random = new Random(seed);
        var text = new StringBuilder().Append(UserSchema.CsvHeader).Append('\n');
        for (var id = 1; id <= UserPicker.Count; id++)
        {
            CsvText.AppendRecord(text, Row(faker, random, id));
        }

        return Encoding.UTF8.GetBytes(text.ToString());
    }

    private static string[] Row(Faker faker, Random random, int id)
    {
        var female = random.NextDouble() < 0.49;
        var gender = female ? Bogus.DataSets.Name.Gender.Female : Bogus.DataSets.Name.Gender.Male;
        var first = faker.Name.FirstName(gender);
        var last = faker.Name.LastName(gender);
        var age = (int)Math.Clamp(Math.Round(faker.Random.GaussianDouble(36, 12)), 18, 85);
        var row = new string[UserColumns.Count];
        row[UserColumns.UserId] = UserPicker.UserId(id);
        row[UserColumns.Age] = age.ToString(CultureInfo.InvariantCulture);
        row[UserColumns.Gender] = random.NextDouble() < 0.02 ? "non_binary" : female ? "female" : "male";
        row[UserColumns.Education] = Education.Pick(random);
        row[UserColumns.MaritalStatus] = MaritalStatus(random, age);
        row[UserColumns.Occupation] = age < 23 && random.NextDouble() < 0.6 ? "Student" : faker.Name.JobTitle();
        row[UserColumns.Interests] = string.Join(';', random.GetItems(Interests, random.Next(1, 4)).Distinct());
        row[UserColumns.Email] = faker.Internet.Email(first, last).ToLowerInvariant();
        row[UserColumns.PhoneNumber] = faker.Phone.PhoneNumber();
        row[UserColumns.City] = faker.Address.City();
        row[UserColumns.Language] = Languages.Pick(random);
        return row;
    }

    private static string MaritalStatus(Random random, int age)
    {
        var roll = random.NextDouble();
        return age < 26
            ? (roll < 0.85 ? "single" : "married")
            : roll < 0.35 ? "single" : roll < 0.82 ? "married" : roll < 0.96 ? "divorced" : "widowed";
    }
}
