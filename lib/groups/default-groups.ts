// The public groups every Convo install starts with. `slug` keeps seeding idempotent.
export const DEFAULT_GROUPS = [
  {
    slug: "general-chat",
    name: "General Chat",
    icon: "💬",
    iconBg: "#25a366",
    about: "Say hello! Introductions, everyday chatter and anything that doesn't fit elsewhere.",
  },
  {
    slug: "tech-talk",
    name: "Tech Talk",
    icon: "💻",
    iconBg: "#1f7ae0",
    about: "Programming, gadgets, the web and everything in between.",
  },
  {
    slug: "movie-lounge",
    name: "Movie Lounge",
    icon: "🎬",
    iconBg: "#d6336c",
    about: "New releases, old classics and what to watch this weekend. Mark your spoilers!",
  },
  {
    slug: "tv-series-hub",
    name: "TV & Series Hub",
    icon: "📺",
    iconBg: "#8e44ad",
    about: "Binge-worthy shows, season finales and episode-by-episode discussion.",
  },
  {
    slug: "pop-culture-gaming",
    name: "Pop Culture & Gaming",
    icon: "🎮",
    iconBg: "#d9480f",
    about: "Games, comics, music and memes: all things pop culture.",
  },
] as const;
