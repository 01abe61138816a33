import { exportChat, exportChatInput } from "@/lib/conversations/export-chat";
import { apiRoute, searchParams } from "@/lib/http/api-route";

/** `?tz=<IANA zone>`: the chat as a .txt download, streamed. */
export const GET = apiRoute<{ id: string }>(async ({ ctx, req, params }) => {
  const { fileName, lines } = await exportChat(ctx, exportChatInput.parse({ ...searchParams(req), conversationId: params.id }));
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      const next = await lines.next();
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(next.value));
    },
    async cancel() {
      await lines.return(undefined);
    },
  });
  const ascii = fileName.replace(/[^\x20-\x7e]/g, "_").replace(/"/g, "'");
  return new Response(body, {
    headers: {
      "content-type": "text/plain; charset=utf-8",
      "content-disposition": `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`,
      "cache-control": "no-store",
    },
  });
});
