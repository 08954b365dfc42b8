using LineBot;
using LineBot.Line;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Hosting;

var builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication();
builder.Services.AddLineBot(builder.Configuration).RequireLineAccessToken();
builder.Build().Run();
