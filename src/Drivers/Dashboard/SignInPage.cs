using Microsoft.Playwright;

namespace PadUat.Drivers.Dashboard;

public sealed class SignInPage(IPage page)
{
    public async Task<bool> SignInAsync(string email)
    {
        await page.GotoAsync("login");
        await page.GetByTestId("signin-user").SelectOptionAsync(email);
        await page.GetByTestId("signin-submit").ClickAsync();
        await page.GetByTestId("signed-in-as").WaitForAsync();
        return true;
    }
}
