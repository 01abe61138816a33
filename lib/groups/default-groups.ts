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
    iconBg: "#3b82f6",
    about: "Programming, gadgets, the web and everything in between.",
  },
  {
    slug: "movie-lounge",
    name: "Movie Lounge",
    icon: "🎬",
    iconBg: "#ef4444",
    about: "New releases, old classics and what to watch this weekend. Mark your spoilers!",
  },
  {
    slug: "tv-series-hub",
    name: "TV & Series Hub",
    icon: "📺",
    iconBg: "#8b5cf6",
    about: "Binge-worthy shows, season finales and episode-by-episode discussion.",
  },
  {
    slug: "pop-culture-gaming",
    name: "Pop Culture & Gaming",
    icon: "🎮",
    iconBg: "#f59e0b",
    about: "Games, comics, music and memes: all things pop culture.",
  },
] as const;
