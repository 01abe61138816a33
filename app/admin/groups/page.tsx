import { redirect } from "next/navigation";

// The group list is the console's home (/admin); a group's page is /admin/groups/<id>. Someone
// who trims that address lands on the list, not on a 404.
export default function AdminGroupsIndex() {
  redirect("/admin");
}
