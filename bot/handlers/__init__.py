"""Telegram handlers: small ``async def``s that parse the update, call the services, reply.

Which update goes to which handler, and in what order, is decided in one place:
:func:`bot.app.add_handlers`.
"""
