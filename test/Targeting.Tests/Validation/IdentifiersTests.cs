using Targeting.Rules.Validation;

namespace Targeting.Tests.Validation;

public class IdentifiersTests
{
    [Theory]
    [InlineData("a")]
    [InlineData("0")]
    [InlineData("acme")]
    [InlineData("checkout-rescue")]
    [InlineData("9-lives-")]
    public void Lowercase_letters_digits_and_inner_hyphens_are_valid_ids(string id) => Assert.True(Identifiers.IsValid(id));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("-acme")]
    [InlineData("Acme")]
    [InlineData("ac me")]
    [InlineData("ac_me")]
    [InlineData("café")]
    [InlineData("acme\n")]
    public void Other_ids_are_invalid(string? id) => Assert.False(Identifiers.IsValid(id));

    [Fact]
    public void Ids_are_at_most_64_characters()
    {
        Assert.True(Identifiers.IsValid(new string('a', 64)));
        Assert.False(Identifiers.IsValid(new string('a', 65)));
    }

    [Fact]
    public void The_check_agrees_with_the_published_pattern()
    {
        var pattern = new System.Text.RegularExpressions.Regex(Identifiers.Pattern);
        foreach (var id in new[] { "a", "a-", "-a", "A", "a_b", "ab9", "9", new string('z', 64), new string('z', 65), "a b", "é" })
            Assert.Equal(pattern.IsMatch(id) && !id.EndsWith('\n'), Identifiers.IsValid(id));
    }
}
