#!/usr/bin/env sh
# azd's postdeploy hook (azure.yaml): draws the one-to-one chat menus (one per role) and makes the LINE channel's match,
# with `linebot richmenu sync` (idempotent: an unchanged menu is left alone; only menus named linebot-… are replaced).
# azd passes its environment's values; the menu images need a Thai font here (fonts-thai-tlwg, or RichMenus__FontPath).
set -eu
cd "$(dirname "$0")/.."
: "${LINE_CHANNEL_ACCESS_TOKEN:?azd env set LINE_CHANNEL_ACCESS_TOKEN first}"
: "${LINE_CHANNEL_SECRET:?azd env set LINE_CHANNEL_SECRET first}"
Line__ChannelAccessToken="$LINE_CHANNEL_ACCESS_TOKEN" Line__ChannelSecret="$LINE_CHANNEL_SECRET" \
  dotnet run --project cli/LineBot.Cli -c Release -- richmenu sync "$@"
